package dev.cairn.plugin.data.selection;

import tools.jackson.databind.json.JsonMapper;

/** A ranking as stored with its version (JSON: the names, kinds and scores, no values of the data). */
final class RankingCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RankingCodec() {
    }

    static String toJson(FeatureRanking ranking) {
        return JSON.writeValueAsString(ranking);
    }

    static FeatureRanking fromJson(String json) {
        return JSON.readValue(json, FeatureRanking.class);
    }
}
