/**
 * Two servers sharing one database and their HTTP sessions, started by the test itself: a login and
 * its limits hold across them.
 */
package org.mfaplatform.it.cluster;
