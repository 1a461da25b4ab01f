extension StoreState {
    /// Appends one sample (value as raw bits, so NaN payloads are kept exactly).
    ///
    /// Hot path: one copy of the slot in, checks, encode into the head, one copy back. Growing,
    /// sealing and the memory budget are left to the slow path.
    @inline(__always)
    mutating func append(_ ref: SeriesRef, _ t: Int64, _ bits: UInt64) -> AppendOutcome {
        let i = Int(ref.index)
        guard i < slots.count else { return .unknownSeries }
        var s = slots[i]
        guard s.live, s.generation == ref.generation else { return .unknownSeries }
        if s.hasLast {
            let last = s.encoder.t
            if t < last { return .outOfOrder }
            if t == last { return s.encoder.vBits == bits ? .duplicate : .duplicateTimestamp }
        }
        guard let head = s.head, hasRoom(s) else { return appendSlow(i, t, bits) }
        let cut = s.encoder.append(t: t, bits: bits, to: head.data)
        s.hasLast = true
        s.touched = true
        slots[i] = s
        if cut || Int(s.encoder.count) >= options.samplesPerChunk { seal(i) }
        return .appended
    }

    /// Appends after making room in the head chunk (growing, sealing or allocating it).
    private mutating func appendSlow(_ i: Int, _ t: Int64, _ bits: UInt64) -> AppendOutcome {
        guard makeRoom(i) else { return .overMemoryLimit }
        let cut = slots[i].encoder.append(t: t, bits: bits, to: slots[i].head!.data)
        slots[i].hasLast = true
        slots[i].touched = true
        if cut || Int(slots[i].encoder.count) >= options.samplesPerChunk { seal(i) }
        return .appended
    }

    @inline(__always)
    func hasRoom(_ s: SeriesSlot) -> Bool {
        Int(s.encoder.count) < options.samplesPerChunk
            && s.encoder.byteCount + ChunkEncoder.maxSampleBytes <= Int(s.headCapacity)
    }

    /// Gives slot `i` a head chunk with room for one more sample: grows it, or seals it and
    /// starts a new one. False when the memory limit cannot be met.
    private mutating func makeRoom(_ i: Int) -> Bool {
        if let head = slots[i].head {
            let cap = Int(slots[i].headCapacity)
            if Int(slots[i].encoder.count) < options.samplesPerChunk && cap < options.maxChunkBytes {
                let newCap = StoreState.roundedCapacity(min(options.maxChunkBytes, cap + max(32, cap / 2)))
                let extra = RawChunk.headFootprint(dataCapacity: newCap) - RawChunk.headFootprint(dataCapacity: cap)
                guard reserve(extra) else { return false }
                slots[i].head = RawChunk.grow(head, from: cap, to: newCap)
                slots[i].headCapacity = UInt16(newCap)
                chunkBytes += extra
                return true
            }
            seal(i)
        }
        let predicted = Int(slots[i].lastChunkBytes) + ChunkEncoder.maxSampleBytes
        let cap = StoreState.roundedCapacity(min(options.maxChunkBytes, max(options.initialChunkBytes, predicted)))
        let cost = RawChunk.headFootprint(dataCapacity: cap)
        guard reserve(cost) else { return false }
        slots[i].head = RawChunk.allocateHead(dataCapacity: cap)
        slots[i].headCapacity = UInt16(cap)
        chunkBytes += cost
        headChunks += 1
        return true
    }

    /// A head data capacity whose malloc block fills a whole number of 16-byte units.
    static func roundedCapacity(_ want: Int) -> Int {
        let block = (RawChunk.headerSize + max(want, ChunkEncoder.maxSampleBytes) + 8 + 15) & ~15
        return block - 8 - RawChunk.headerSize
    }

    /// Copies the head into an immutable, exactly sized chunk at the end of the sealed list.
    mutating func seal(_ i: Int) {
        guard let head = slots[i].head else { return }
        let e = slots[i].encoder
        let bytes = e.byteCount
        head.count = Int(e.count)
        head.dataBytes = bytes
        head.maxt = e.t
        head.next = nil
        chunkBytes -= RawChunk.headFootprint(dataCapacity: Int(slots[i].headCapacity))
        let sealed = RawChunk(arena.allocate(RawChunk.headerSize + bytes))
        sealed.raw.copyMemory(from: head.raw, byteCount: RawChunk.headerSize + bytes)
        head.freeHead()
        slots[i].lastChunkBytes = UInt16(truncatingIfNeeded: bytes)
        chunkBytes += RawChunk.footprint(dataBytes: bytes)
        if let newest = slots[i].newest { newest.next = sealed } else { slots[i].oldest = sealed }
        slots[i].newest = sealed
        slots[i].head = nil
        slots[i].headCapacity = 0
        slots[i].encoder.resetChunk()
        headChunks -= 1
        sealedChunks += 1
    }

    /// True when `extra` more bytes fit the memory limit, evicting the oldest chunks if needed.
    @inline(__always)
    mutating func reserve(_ extra: Int) -> Bool {
        guard let limit = options.memoryLimit, chunkBytes + extra > limit else { return true }
        evictOldest(toFit: extra, limit: limit)
        return chunkBytes + extra <= limit
    }
}
