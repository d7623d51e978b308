/** Helpers the portal pages share. */
package org.mfaplatform.portal.web;
