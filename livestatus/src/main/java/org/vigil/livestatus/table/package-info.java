/** The Livestatus tables and their columns, read from a status snapshot and the resolved objects. */
package org.vigil.livestatus.table;
