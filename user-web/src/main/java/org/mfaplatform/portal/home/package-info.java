/** The start page of the portal. */
package org.mfaplatform.portal.home;
