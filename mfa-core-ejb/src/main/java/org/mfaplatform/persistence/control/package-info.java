/** Mapping helpers shared by all entities. */
package org.mfaplatform.persistence.control;
