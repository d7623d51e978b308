/**
 * Readiness and liveness checks the server reports at /health on the portal's ports, declared in
 * the portal alone so that each runs once per probe (checks in the shared core module are found
 * once by each web module).
 */
package org.mfaplatform.portal.health;
