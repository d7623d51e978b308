/** The operator's command that re-encrypts stored TOTP secrets under the current key. */
package org.mfaplatform.secretstore.command;
