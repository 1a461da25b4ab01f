extension SeriesStore {
    /// Applies retention relative to `now` (ms since the epoch; pass wall-clock time, not a
    /// sample's timestamp, so one bogus future sample cannot wipe the store). Call periodically.
    @discardableResult
    public func compact(now: Int64) -> CompactionSummary {
        state.withLock { $0.compact(now: now) }
    }

    /// Current memory account; walks the series (O(series)), so meant for status displays.
    public func memoryStats() -> StoreMemoryStats {
        state.withLock { $0.memoryStats() }
    }
}

extension StoreState {
    func memoryStats() -> StoreMemoryStats {
        var m = StoreMemoryStats()
        m.seriesCount = liveSeries
        m.sealedChunkCount = sealedChunks
        m.headChunkCount = headChunks
        m.chunkBytes = chunkBytes
        m.chunkSlackBytes = arena.slackBytes
        m.evictedChunks = evictedChunks
        var samples = 0
        var postingEntries = 0
        var postingLists = 0
        for s in slots where s.live {
            var c = s.oldest
            while let chunk = c {
                samples += chunk.count
                c = chunk.next
            }
            samples += Int(s.encoder.count)
        }
        for (_, values) in postings {
            postingLists += values.count
            for (_, list) in values { postingEntries += list.capacity }
        }
        m.sampleCount = samples
        let slotBytes = slots.capacity * MemoryLayout<SeriesSlot>.stride + freeSlots.capacity * 4
        let labelBuffers = labelBufferBytes + liveSeries * 16
        let seriesMap = byLabels.capacity * (MemoryLayout<LabelKey>.stride + 4) * 4 / 3
        let postingBytes = postingEntries * 4 + postingLists * (32 + 16 + 12) + postings.count * 64
        let checkpointBytes = checkpoints.capacity * DecodeCheckpoint.estimatedBytes
            + selections.reduce(0) { $0 + 64 + 8 * $1.value.capacity + 48 * $1.key.parts.count }
        m.indexBytes = slotBytes + labelBuffers + seriesMap + postingBytes + symbols.estimatedBytes + checkpointBytes
        return m
    }
}
