extension StoreState {
    /// Most samples one series may need decoded for `windowSamples` to decode them under the
    /// lock; a larger window is copied out (`snapshot`) and decoded after the lock is released.
    static let inPlaceSampleLimit = 512
    /// Most samples one select decodes under the lock, across all its series, so a query over
    /// many series cannot hold appenders up for long; the rest are copied out.
    static let inPlaceSelectBudget = 65_536

    /// Slot `i`'s samples in `mint...maxt`, decoded in place, resuming at the slot's checkpoint
    /// when the window starts after it and moving the checkpoint up to the window's start. Nil
    /// when more than `inPlaceSampleLimit` samples, or more than `budget`, would have to be
    /// decoded; otherwise `budget` is charged with them.
    mutating func windowSamples(_ i: Int, mint: Int64, maxt: Int64, budget: inout Int) -> [Sample]? {
        guard mint <= maxt else { return [] }
        let slot = slots[i]
        let key = UInt32(i)
        var checkpoint = checkpoints[key]
        if let cp = checkpoint, cp.generation != slot.generation || cp.cursor.t >= mint { checkpoint = nil }

        // Chunks before the checkpoint's end before the window: start the walk at the
        // checkpoint's chunk when it still exists (chunks are dropped oldest first), or go
        // straight to the head when that is the chunk.
        var start = slot.oldest
        var skipSealed = false
        if let cp = checkpoint {
            if let p = cp.sealed, let oldest = slot.oldest, oldest.mint(bytes: oldest.dataBytes) <= cp.chunkMint {
                start = RawChunk(p)
            } else if cp.sealed == nil, let head = slot.head, head.mint(bytes: slot.encoder.byteCount) == cp.chunkMint {
                skipSealed = true
            } else if let newest = slot.newest, newest.mint(bytes: newest.dataBytes) == cp.chunkMint {
                start = newest
            }
        }

        // Pass 1: the first overlapping chunk and how many samples the window needs decoded.
        var first: RawChunk?
        var firstMint: Int64 = 0
        var total = 0
        var pastWindow = false
        var c = skipSealed ? nil : start
        while let chunk = c {
            if chunk.maxt < mint {
                c = chunk.next
                continue
            }
            let chunkMint = chunk.mint(bytes: chunk.dataBytes)
            if chunkMint > maxt {
                pastWindow = true
                break
            }
            if first == nil {
                first = chunk
                firstMint = chunkMint
            }
            total += chunk.count
            c = chunk.next
        }
        var headOverlaps = false
        if !pastWindow, let head = slot.head {
            let e = slot.encoder
            let headMint = head.mint(bytes: e.byteCount)
            if headMint <= maxt && e.t >= mint {
                headOverlaps = true
                total += Int(e.count)
                if first == nil { firstMint = headMint }
            }
        }
        if first == nil && !headOverlaps { return [] }
        var resume: ChunkCursor?
        if let cp = checkpoint, cp.chunkMint == firstMint {
            resume = cp.cursor
            total -= cp.cursor.index
        }
        if total > StoreState.inPlaceSampleLimit || total > budget { return nil }
        budget -= total

        // Pass 2: decode, the first chunk from the checkpoint when it applies.
        var out: [Sample] = []
        out.reserveCapacity(total)
        var skipped: ChunkCursor?
        var skippedIn: RawChunk?
        c = first
        while let chunk = c, chunk.maxt >= mint {
            if chunk.mint(bytes: chunk.dataBytes) > maxt { break }
            var cursor = resume ?? ChunkCursor()
            resume = nil
            var before: ChunkCursor?
            ChunkDecoder.decode(UnsafeRawBufferPointer(start: chunk.data, count: chunk.dataBytes), count: chunk.count,
                                mint: mint, maxt: maxt, cursor: &cursor, skipped: &before, into: &out)
            if let before {
                skipped = before
                skippedIn = chunk
            }
            c = chunk.next
        }
        if headOverlaps, let head = slot.head {
            let e = slot.encoder
            var cursor = resume ?? ChunkCursor()
            var before: ChunkCursor?
            ChunkDecoder.decode(UnsafeRawBufferPointer(start: head.data, count: e.byteCount), count: Int(e.count),
                                mint: mint, maxt: maxt, cursor: &cursor, skipped: &before, into: &out)
            if let before {
                skipped = before
                skippedIn = nil
            }
        }

        // Keep the later of the old and the new checkpoint: a window reaching further back than
        // the last one (a long dashboard range) must not throw away the sliding window's place.
        if let skipped {
            let old = checkpoints[key]
            if old == nil || old!.generation != slot.generation || old!.cursor.t < skipped.t {
                checkpoints[key] = DecodeCheckpoint(generation: slot.generation, chunkMint: firstMint,
                                                    sealed: skippedIn?.raw, cursor: skipped)
            }
        }
        return out
    }
}

extension StoreState {
    /// What `latestSample` found.
    enum LatestSample {
        /// The series has no sample in the window.
        case none
        case sample(Sample)
        /// The window ends before the newest sample: decode it to find its last one.
        case decode
    }

    /// Slot `i`'s newest sample in `mint...maxt` when the encoder's last sample answers it.
    func latestSample(_ i: Int, mint: Int64, maxt: Int64) -> LatestSample {
        let s = slots[i]
        guard mint <= maxt, s.hasLast else { return .none }
        let e = s.encoder
        // Every sample the series holds is at or before the last one appended.
        if e.t < mint { return .none }
        if e.t > maxt { return .decode }
        // The last sample is held while it sits in the head, or ends the newest sealed chunk
        // (the head was just sealed); retention may have dropped it.
        if s.head != nil || s.newest?.maxt == e.t {
            return .sample(Sample(t: e.t, v: Double(bitPattern: e.vBits)))
        }
        return .decode
    }
}
