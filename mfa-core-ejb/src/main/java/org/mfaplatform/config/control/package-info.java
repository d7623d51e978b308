/** Deployment settings and the clock, as the services receive them. */
package org.mfaplatform.config.control;
