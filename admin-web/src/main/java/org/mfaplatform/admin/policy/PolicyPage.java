package org.mfaplatform.admin.policy;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.administration.boundary.CompanyPolicy;
import org.mfaplatform.administration.boundary.PolicyChange;
import org.mfaplatform.administration.boundary.PolicyPreview;
import org.mfaplatform.administration.boundary.PolicySettings;
import org.mfaplatform.company.entity.MfaPolicy;

/**
 * Settings, "Multi-factor Authentication": the company's MFA policy. A change is previewed with
 * numbers from the database before it can be saved; saving a choice that differs from the preview
 * shows the preview of the new choice instead.
 */
@Named
@ViewScoped
public class PolicyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject CompanyPolicy companyPolicy;

    @Inject RequestContext context;

    private PolicySettings settings;
    private MfaPolicy selected;
    private PolicyPreview preview;

    @PostConstruct
    void load() {
        settings = companyPolicy.settings(context.accountId());
        selected = settings.getPolicy();
    }

    public List<MfaPolicy> getChoices() {
        return List.of(MfaPolicy.values());
    }

    public void preview() {
        preview = companyPolicy.preview(context.accountId(), selected);
    }

    public String save() {
        if (preview == null || preview.getProposed() != selected) {
            preview();
            context.info("policy.reviewFirst");
            return null;
        }
        PolicyChange change =
                companyPolicy.change(
                        context.accountId(),
                        selected,
                        settings.getVersion(),
                        context.clientAddress());
        switch (change) {
            case SAVED -> context.info("policy.saved");
            case UNCHANGED -> context.info("policy.unchanged");
            case CHANGED_MEANWHILE -> context.error(null, "policy.changedMeanwhile");
            case NOT_ALLOWED -> context.error(null, "policy.notAllowed");
        }
        context.keepMessagesOverRedirect();
        return "/app/policy?faces-redirect=true";
    }

    public void cancel() {
        preview = null;
        selected = settings.getPolicy();
    }

    public PolicySettings getSettings() {
        return settings;
    }

    public MfaPolicy getSelected() {
        return selected;
    }

    public void setSelected(MfaPolicy selected) {
        this.selected = selected;
    }

    public PolicyPreview getPreview() {
        return preview;
    }
}
