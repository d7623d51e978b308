/** Companies and the MFA policy each one sets for its users. */
package org.mfaplatform.company.entity;
