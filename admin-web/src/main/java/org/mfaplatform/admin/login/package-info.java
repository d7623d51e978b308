/** The login, token and logout pages. */
package org.mfaplatform.admin.login;
