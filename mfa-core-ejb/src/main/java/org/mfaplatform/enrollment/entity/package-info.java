/** Authenticator devices: their shared secrets and the last time step each one used. */
package org.mfaplatform.enrollment.entity;
