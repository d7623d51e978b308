/** The database schema's own life cycle: migrations applied when the server starts. */
package org.mfaplatform.persistence.boundary;
