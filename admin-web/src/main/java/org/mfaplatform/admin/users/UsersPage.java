package org.mfaplatform.admin.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.administration.boundary.MfaStatus;
import org.mfaplatform.administration.boundary.UserDirectory;
import org.mfaplatform.administration.boundary.UserPage;

/**
 * The users list: filter by MFA status and email, page through, export as CSV. Everything is in the
 * URL, so a filtered list can be bookmarked and the export matches what is shown.
 */
@Named
@RequestScoped
public class UsersPage {

    @Inject UserDirectory directory;

    @Inject RequestContext context;

    private String status;
    private String search;
    private String page;
    private UserPage users;

    /** Runs after the view parameters are set. */
    public void load() {
        users =
                directory.page(
                        context.accountId(),
                        UserFilter.query(status, search),
                        UserFilter.pageNumber(page));
    }

    /**
     * Nobody resets their own MFA, so their own row offers no Reset; the service refuses it too.
     */
    public boolean isOwnAccount(long userId) {
        return userId == context.accountId();
    }

    public List<MfaStatus> getStatuses() {
        return List.of(MfaStatus.values());
    }

    public MfaStatus getSelectedStatus() {
        return UserFilter.status(status);
    }

    public UserPage getUsers() {
        return users;
    }

    public String getCsvLink() {
        String query = UserFilter.queryString(getSelectedStatus(), UserFilter.search(search));
        return context.request().getContextPath()
                + UsersCsvServlet.PATH
                + (query.isEmpty() ? "" : "?" + query);
    }

    public String pageLink(int number) {
        String query = UserFilter.queryString(getSelectedStatus(), UserFilter.search(search));
        return context.request().getContextPath()
                + "/app/users.xhtml?"
                + (query.isEmpty() ? "" : query + "&")
                + "page="
                + number;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
