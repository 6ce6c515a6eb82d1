// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

/// bn254 (alt_bn128) arithmetic through the EVM precompiles (EIP-196/197).
///
/// Devnet hashing: a message maps to H(m) = h·G2 with h = keccak256(hashToG2Tag ‖ m) mod r,
/// instead of Session's try-and-increment map to G2. The check e(pk, H(m)) = e(G1, sig) is then
/// e(h·pk, G2) = e(G1, sig): one ecMul and one two-pair pairing, with real keys and signatures.
library BN256G1 {
    struct G1Point {
        uint256 X;
        uint256 Y;
    }

    uint256 internal constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    // G2 generator in the precompile's order: x.imaginary, x.real, y.imaginary, y.real.
    uint256 internal constant G2_X1 = 11559732032986387107991004021392285783925812861821192530917403151452391805634;
    uint256 internal constant G2_X0 = 10857046999023057135944570762232829481370756359578518086990519993285655852781;
    uint256 internal constant G2_Y1 = 4082367875863433681332203403145435568316851327593401208105741076214120093531;
    uint256 internal constant G2_Y0 = 8495653923123431417604973247489272438418190587263600148770280649306958101930;

    function isZero(G1Point memory p) internal pure returns (bool) {
        return p.X == 0 && p.Y == 0;
    }

    function negate(G1Point memory p) internal pure returns (G1Point memory) {
        if (isZero(p)) return p;
        return G1Point(p.X, P - (p.Y % P));
    }

    function add(G1Point memory a, G1Point memory b) internal view returns (G1Point memory r) {
        uint256[4] memory input = [a.X, a.Y, b.X, b.Y];
        bool ok;
        assembly {
            ok := staticcall(gas(), 6, input, 0x80, r, 0x40)
        }
        require(ok, "bn254 add failed");
    }

    function mul(G1Point memory p, uint256 s) internal view returns (G1Point memory r) {
        uint256[3] memory input = [p.X, p.Y, s];
        bool ok;
        assembly {
            ok := staticcall(gas(), 7, input, 0x60, r, 0x40)
        }
        require(ok, "bn254 mul failed");
    }

    /// Whether `sig` (G2, precompile order) is a signature of `message` under `pubkey`.
    function verify(
        G1Point memory pubkey,
        bytes32 hashToG2Tag,
        bytes memory message,
        uint256 sig0,
        uint256 sig1,
        uint256 sig2,
        uint256 sig3
    ) internal view returns (bool) {
        uint256 h = uint256(keccak256(abi.encodePacked(hashToG2Tag, message))) % R;
        if (h == 0) h = 1;
        G1Point memory hp = mul(pubkey, h);
        uint256[12] memory input = [hp.X, hp.Y, G2_X1, G2_X0, G2_Y1, G2_Y0, 1, P - 2, sig0, sig1, sig2, sig3];
        uint256[1] memory out;
        bool ok;
        assembly {
            ok := staticcall(gas(), 8, input, 0x180, out, 0x20)
        }
        return ok && out[0] == 1;
    }
}
