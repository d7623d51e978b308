/** Password hashing: PBKDF2-HMAC-SHA256 or Argon2id, and the stored formats of both. */
package org.mfaplatform.account.control;
