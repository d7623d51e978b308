/** Setting up, replacing and turning off a user's own authenticator device. */
package org.mfaplatform.enrollment.boundary;
