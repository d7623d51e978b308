/** TOTP secrets after activation, as both web sites and the database show them. */
package org.mfaplatform.it.secretstore;
