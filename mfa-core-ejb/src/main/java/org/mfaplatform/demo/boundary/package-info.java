/** Demo companies and accounts for the embedded default. */
package org.mfaplatform.demo.boundary;
