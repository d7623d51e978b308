/** The start-up check of the secret-encryption keys and the device secrets they protect. */
package org.mfaplatform.secretstore.boundary;
