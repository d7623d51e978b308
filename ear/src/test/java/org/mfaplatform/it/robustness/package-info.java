/**
 * Hostile and broken requests to every form, and a database that goes away in the middle of use.
 */
package org.mfaplatform.it.robustness;
