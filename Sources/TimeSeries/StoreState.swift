#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole mutable state of a `SeriesStore`, kept behind its mutex.
///
/// Non-copyable because it owns raw memory (label id buffers and chunks) that its `deinit`
/// frees; a copy would double-free.
struct StoreState: ~Copyable {
    var slots: [SeriesSlot] = []
    var freeSlots: [UInt32] = []
    var symbols = SymbolTable()
    var byLabels: [LabelKey: UInt32] = [:]
    /// Inverted index: name symbol → value symbol → slots (unordered).
    var postings: [UInt32: [UInt32: [UInt32]]] = [:]
    var metadata: [String: MetricMetadata] = [:]
    var liveSeries = 0
    /// Accounted malloc footprint of every chunk block (sealed and head), kept incrementally.
    var chunkBytes = 0
    var sealedChunks = 0
    var headChunks = 0
    var labelBufferBytes = 0
    var totals = AppendSummary()
    var evictedChunks = 0
    var arena = ChunkArena()
    /// Per queried slot: where its last query window started decoding (`windowSamples`).
    var checkpoints: [UInt32: DecodeCheckpoint] = [:]
    /// Recent `matchingSlots` results by matcher set; emptied whenever a series is created or
    /// removed, so an entry always lists exactly the live series matching.
    var selections: [LabelMatcherSet: [Int]] = [:]
    let options: SeriesStore.Options

    init(options: SeriesStore.Options) {
        self.options = options
    }

    deinit {
        for s in slots where s.live {
            // Pooled blocks go with the arena's pages; only malloc'd ones are freed one by one.
            var c = s.oldest
            while let chunk = c {
                c = chunk.next
                ChunkArena.releaseUnpooled(chunk.raw, RawChunk.headerSize + chunk.dataBytes)
            }
            s.head?.freeHead()
            s.labels?.deallocate()
        }
    }

    // MARK: Identity

    /// Looks up the slot of a label set without creating anything.
    func slot(for labels: Labels) -> UInt32? {
        var ids: [UInt32] = []
        ids.reserveCapacity(labels.count * 2)
        for p in labels.pairs {
            guard let n = symbols.id(of: p.name), let v = symbols.id(of: p.value) else { return nil }
            ids.append(n)
            ids.append(v)
        }
        return ids.withUnsafeBufferPointer { buf in
            byLabels[LabelKey(ids: buf.baseAddress, count: buf.count)]
        }
    }

    mutating func getOrCreate(_ labels: Labels) -> SeriesRef {
        if let i = slot(for: labels) { return SeriesRef(index: i, generation: slots[Int(i)].generation) }
        let pairCount = min(labels.count, Int(UInt16.max))
        let buffer: UnsafeMutablePointer<UInt32>? = pairCount == 0 ? nil : .allocate(capacity: pairCount * 2)
        for (k, p) in labels.pairs.prefix(pairCount).enumerated() {
            buffer![2 * k] = symbols.intern(p.name)
            buffer![2 * k + 1] = symbols.intern(p.value)
        }
        let index: UInt32
        if let reused = freeSlots.popLast() {
            index = reused
        } else {
            index = UInt32(slots.count)
            slots.append(SeriesSlot())
        }
        let i = Int(index)
        let generation = slots[i].generation
        slots[i] = SeriesSlot()
        slots[i].generation = generation
        slots[i].live = true
        slots[i].touched = true
        slots[i].labels = buffer
        slots[i].labelCount = UInt16(pairCount)
        labelBufferBytes += pairCount * 8
        byLabels[LabelKey(ids: UnsafePointer(buffer), count: pairCount * 2)] = index
        for k in 0..<pairCount {
            postings[buffer![2 * k], default: [:]][buffer![2 * k + 1], default: []].append(index)
        }
        liveSeries += 1
        if !selections.isEmpty { selections.removeAll() }
        return SeriesRef(index: index, generation: generation)
    }

    /// The live slot index a ref names, or nil for a stale or foreign ref.
    @inline(__always)
    func index(of ref: SeriesRef) -> Int? {
        let i = Int(ref.index)
        guard i < slots.count, slots[i].live, slots[i].generation == ref.generation else { return nil }
        return i
    }

    func labels(ofSlot i: Int) -> Labels {
        let s = slots[i]
        var pairs: [Label] = []
        pairs.reserveCapacity(Int(s.labelCount))
        for k in 0..<Int(s.labelCount) {
            pairs.append(Label(symbols[s.labels![2 * k]], symbols[s.labels![2 * k + 1]]))
        }
        return Labels(sortedUnique: pairs)
    }

    /// Frees a slot's label buffer and chunks and updates the accounting (not the indexes).
    mutating func freeMemory(of i: Int) {
        var c = slots[i].oldest
        while let chunk = c {
            c = chunk.next
            chunkBytes -= RawChunk.footprint(dataBytes: chunk.dataBytes)
            sealedChunks -= 1
            arena.free(chunk.raw, RawChunk.headerSize + chunk.dataBytes)
        }
        slots[i].oldest = nil
        slots[i].newest = nil
        dropHead(i)
        if let labels = slots[i].labels {
            labelBufferBytes -= Int(slots[i].labelCount) * 8
            labels.deallocate()
        }
        slots[i].labels = nil
    }

    /// Frees the head chunk; the encoder keeps the last sample for ordering checks.
    mutating func dropHead(_ i: Int) {
        guard let head = slots[i].head else { return }
        chunkBytes -= RawChunk.headFootprint(dataCapacity: Int(slots[i].headCapacity))
        headChunks -= 1
        head.freeHead()
        slots[i].head = nil
        slots[i].headCapacity = 0
        slots[i].encoder.resetChunk()
    }
}
