/** Gatling simulations of our portal's login: full two-step logins and the token step alone. */
package org.mfaplatform.benchmark.portal;
