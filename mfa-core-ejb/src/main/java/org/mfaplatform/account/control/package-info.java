/** Password hashing with the platform PBKDF2 implementation. */
package org.mfaplatform.account.control;
