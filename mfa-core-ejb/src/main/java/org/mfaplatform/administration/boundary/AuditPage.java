package org.mfaplatform.administration.boundary;

import java.io.Serializable;
import java.util.List;

/** One page of audit events, newest first. */
public final class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<AuditRow> rows;
    private final int pageNumber;
    private final boolean hasNext;

    public AuditPage(List<AuditRow> rows, int pageNumber, boolean hasNext) {
        this.rows = List.copyOf(rows);
        this.pageNumber = pageNumber;
        this.hasNext = hasNext;
    }

    public List<AuditRow> getRows() {
        return rows;
    }

    /** Counted from 1. */
    public int getPageNumber() {
        return pageNumber;
    }

    public boolean isHasNext() {
        return hasNext;
    }

    public boolean isHasPrevious() {
        return pageNumber > 1;
    }
}
