/** The users list, its CSV export, and the MFA reset of a user who lost their device. */
package org.mfaplatform.admin.users;
