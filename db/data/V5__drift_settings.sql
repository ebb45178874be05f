-- Drift settings per dataset (issue 9, "Drift and skew"): the share of drifted features from which
-- the dataset as a whole has drifted, and per feature the method and threshold that decide in place
-- of Evidently's default choice. No row means the defaults (share 0.5, the default method and its
-- threshold). The rows go with their dataset.

CREATE TABLE data.drift_settings (
    dataset_id   UUID             NOT NULL PRIMARY KEY REFERENCES data.dataset (id) ON DELETE CASCADE,
    tenant_id    UUID             NOT NULL REFERENCES public.tenant (id),
    drift_share  DOUBLE PRECISION NOT NULL,
    updated_by   VARCHAR(80)      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A method always; the threshold when not the method's default (a threshold alone would mean
-- different things for the p-value and the distance that the default choice picks between).
CREATE TABLE data.drift_feature_setting (
    dataset_id  UUID             NOT NULL REFERENCES data.dataset (id) ON DELETE CASCADE,
    feature     VARCHAR(1000)    NOT NULL,
    tenant_id   UUID             NOT NULL REFERENCES public.tenant (id),
    method      VARCHAR(40)      NOT NULL,
    threshold   DOUBLE PRECISION,
    PRIMARY KEY (dataset_id, feature)
);
