/**
 * The two-step login shared by the portal and the admin site. It lives in the core module because
 * both web modules of the EAR need it and the EAR has no shared web library.
 */
package org.mfaplatform.login.web;
