// expfmt-parse: the peer for `vigil-bench parse`. It parses one exposition file with
// prometheus/common's expfmt.TextParser a number of times and prints samples per second,
// so Vigil's parser is compared with Prometheus's own on the same payload in the same run.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/prometheus/common/expfmt"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: expfmt-parse FILE ROUNDS")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rounds, _ := strconv.Atoi(os.Args[2])
	samples := 0
	start := time.Now()
	for r := 0; r < rounds; r++ {
		var p expfmt.TextParser
		fams, err := p.TextToMetricFamilies(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if r == 0 {
			for _, f := range fams {
				for _, m := range f.Metric {
					switch {
					case m.Histogram != nil:
						samples += len(m.Histogram.Bucket) + 2
					case m.Summary != nil:
						samples += len(m.Summary.Quantile) + 2
					default:
						samples++
					}
				}
			}
		}
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("samples=%d rounds=%d seconds=%.6f samples_per_sec=%.0f\n", samples, rounds, secs, float64(samples*rounds)/secs)
}
