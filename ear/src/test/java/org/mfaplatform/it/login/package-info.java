/**
 * The token step over HTTP as an attacker holding the password would use it: races, guesses, locks.
 */
package org.mfaplatform.it.login;
