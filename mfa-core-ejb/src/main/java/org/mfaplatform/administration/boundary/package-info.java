/** What company administrators and support staff do on the admin site. */
package org.mfaplatform.administration.boundary;
