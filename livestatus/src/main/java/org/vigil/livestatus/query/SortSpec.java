package org.vigil.livestatus.query;

/** One {@code Sort: column asc|desc} header. */
record SortSpec(String column, boolean descending) {
}
