/** AES-256-GCM encryption of TOTP secrets at rest and the key ring it draws on: no container. */
package org.mfaplatform.secretstore.control;
