/** The portal's authentication mechanism and HTTP-level protections. */
package org.mfaplatform.portal.security;
