/** Entry points for password login. */
package org.mfaplatform.account.boundary;
