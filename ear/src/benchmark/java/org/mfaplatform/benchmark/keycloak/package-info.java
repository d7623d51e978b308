/** Load test of Keycloak's two-step login, the reference our login is measured against. */
package org.mfaplatform.benchmark.keycloak;
