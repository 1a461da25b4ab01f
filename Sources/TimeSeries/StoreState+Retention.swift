extension StoreState {
    /// Evicts sealed chunks, globally oldest (by max time) first, until `extra` bytes fit under
    /// `limit` with a little slack (1/32 of the limit) so evictions come in batches, not on
    /// every append. Head chunks are never evicted.
    mutating func evictOldest(toFit extra: Int, limit: Int) {
        guard sealedChunks > 0 else { return }
        let target = max(0, limit - extra - limit / 32)
        var heap = ChunkAgeHeap()
        heap.reserve(liveSeries)
        for i in slots.indices where slots[i].live {
            if let c = slots[i].oldest { heap.push(c.maxt, UInt32(i)) }
        }
        while chunkBytes > target, let (_, slot) = heap.popMin() {
            let i = Int(slot)
            dropOldestChunk(i)
            evictedChunks += 1
            if let c = slots[i].oldest { heap.push(c.maxt, slot) }
        }
    }

    mutating func dropOldestChunk(_ i: Int) {
        guard let c = slots[i].oldest else { return }
        slots[i].oldest = c.next
        if slots[i].oldest == nil { slots[i].newest = nil }
        chunkBytes -= RawChunk.footprint(dataBytes: c.dataBytes)
        sealedChunks -= 1
        arena.free(c.raw, RawChunk.headerSize + c.dataBytes)
    }

    /// Applies retention relative to `now` (ms): drops whole chunks whose newest sample is older
    /// than `now - retention`, then removes series left without samples that saw no append or
    /// creation since the previous compaction.
    mutating func compact(now: Int64) -> CompactionSummary {
        let (cutoff, overflow) = now.subtractingReportingOverflow(options.retention)
        let minT = overflow ? Int64.min : cutoff
        var summary = CompactionSummary()
        var removed: [Int] = []
        for i in slots.indices where slots[i].live {
            while let c = slots[i].oldest, c.maxt < minT {
                dropOldestChunk(i)
                summary.droppedChunks += 1
            }
            if slots[i].head != nil && slots[i].encoder.t < minT {
                dropHead(i)
                summary.droppedChunks += 1
            }
            if !slots[i].hasSamples && !slots[i].touched { removed.append(i) }
            slots[i].touched = false
        }
        removeSeries(removed)
        summary.removedSeries = removed.count
        return summary
    }

    /// Removes series from every index, releases their symbols and memory, and retires the
    /// slots' generations so old refs stay dead.
    mutating func removeSeries(_ indices: [Int]) {
        guard !indices.isEmpty else { return }
        selections.removeAll()
        var gone: Set<UInt32> = []
        var affected: [UInt32: Set<UInt32>] = [:]
        for i in indices {
            let s = slots[i]
            byLabels[LabelKey(ids: UnsafePointer(s.labels), count: Int(s.labelCount) * 2)] = nil
            for k in 0..<Int(s.labelCount) {
                affected[s.labels![2 * k], default: []].insert(s.labels![2 * k + 1])
            }
            gone.insert(UInt32(i))
        }
        for (name, values) in affected {
            for value in values {
                postings[name]?[value]?.removeAll { gone.contains($0) }
                if postings[name]?[value]?.isEmpty == true { postings[name]?[value] = nil }
            }
            if postings[name]?.isEmpty == true { postings[name] = nil }
        }
        for i in indices {
            let s = slots[i]
            for k in 0..<Int(s.labelCount) * 2 { symbols.release(s.labels![k]) }
            freeMemory(of: i)
            checkpoints[UInt32(i)] = nil
            let generation = slots[i].generation &+ 1
            slots[i] = SeriesSlot()
            slots[i].generation = generation
            liveSeries -= 1
            freeSlots.append(UInt32(i))
        }
    }
}
