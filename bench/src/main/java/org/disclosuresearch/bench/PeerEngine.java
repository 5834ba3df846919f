package org.disclosuresearch.bench;

/** The SQLite FTS5 peer answering the same mix ({@link SqlitePeer#run}). */
final class PeerEngine implements QueryEngine {

    private final SqlitePeer peer;

    PeerEngine(SqlitePeer peer) {
        this.peer = peer;
    }

    @Override
    public String name() {
        return "sqlite-fts5";
    }

    @Override
    public Prepared prepare(BenchQuery query) {
        return () -> peer.run(query).total();
    }
}
