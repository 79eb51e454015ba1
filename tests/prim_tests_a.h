/* filled by the primitives' tests */
