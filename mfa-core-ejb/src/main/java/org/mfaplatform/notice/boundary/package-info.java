/** Sending notices to users by email once the act they tell of has committed. */
package org.mfaplatform.notice.boundary;
