/** The start page of the admin site. */
package org.mfaplatform.admin.home;
