/** Login decisions and the second-factor check, as the web tiers call them. */
package org.mfaplatform.login.boundary;
