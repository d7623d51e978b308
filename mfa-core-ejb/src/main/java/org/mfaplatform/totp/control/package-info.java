/** TOTP maths, shared secrets, key URIs and QR codes: no state, no container. */
package org.mfaplatform.totp.control;
