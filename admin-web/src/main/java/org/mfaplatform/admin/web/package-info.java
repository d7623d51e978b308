/** Helpers the admin pages share. */
package org.mfaplatform.admin.web;
