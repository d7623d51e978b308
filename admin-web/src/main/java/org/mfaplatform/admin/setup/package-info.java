/** Mandatory device setup for staff, and its QR code. */
package org.mfaplatform.admin.setup;
