/** Both web sites over plain HTTP: the enforcement gate, session cookies and security headers. */
package org.mfaplatform.it.web;
