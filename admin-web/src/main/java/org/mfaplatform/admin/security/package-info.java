/** The admin site's authentication mechanism. */
package org.mfaplatform.admin.security;
