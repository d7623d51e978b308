/** How the login slows repeated wrong passwords: counts per email and address, and the delays. */
package org.mfaplatform.login.control;
