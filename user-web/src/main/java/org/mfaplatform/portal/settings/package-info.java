/** The Settings page and its QR code. */
package org.mfaplatform.portal.settings;
