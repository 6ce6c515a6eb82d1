// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {BN256G1} from "./lib/BN256G1.sol";
import {Initializable, Ownable2Step, Pausable} from "./lib/Access.sol";
import {IERC20, SafeTransfer} from "./lib/SafeTransfer.sol";
import {IServiceNodeRewards} from "./IServiceNodeRewards.sol";

/// The devnet's ServiceNodeRewards: the registry of staked Session nodes and their rewards,
/// ABI-compatible with Session's deployed contract (same functions, events, errors, structs).
/// Nodes form a doubly linked list behind a sentinel (id 0); the network's BLS aggregate key is
/// the sum of every listed node's key, less the keys of non-signers a signature names.
contract ServiceNodeRewards is IServiceNodeRewards, Initializable, Ownable2Step, Pausable, SafeTransfer {
    using BN256G1 for BN256G1.G1Point;

    error BLSPubkeyAlreadyExists(uint64 serviceNodeID);
    error BLSPubkeyDoesNotExist(BN256G1.G1Point pubkey);
    error BLSPubkeyDoesNotMatch(uint64 serviceNodeID, BN256G1.G1Point pubkey);
    error CallerNotContributor(uint64 serviceNodeID, address caller);
    error ClaimThresholdExceeded();
    error ContractAlreadyStarted();
    error ContractNotStarted();
    error ContributionTotalMismatch(uint256 required, uint256 provided);
    error DeleteSentinelNodeNotAllowed();
    error Ed25519PubkeyAlreadyExists(uint64 serviceNodeID);
    error ExitTooEarly(uint64 serviceNodeID, uint256 addedTimestamp, uint256 currenttime);
    error InsufficientBLSSignatures(uint256 numSigners, uint256 requiredSigners);
    error InsufficientContributors();
    error InsufficientNodes();
    error InsufficientOperatorContribution(uint256 operatorStake);
    error InvalidBLSProofOfPossession();
    error InvalidBLSSignature(BN256G1.G1Point aggPubkey);
    error LeaveRequestNotInitiatedYet(uint64 serviceNodeID);
    error LeaveRequestTooEarly(uint64 serviceNodeID, uint256 endTimestamp, uint256 currTimestamp);
    error LiquidatorPenaltyTooHigh();
    error MaxClaimExceeded();
    error MaxContributorsExceeded();
    error MaxPubkeyAggregationsExceeded();
    error NullAddress();
    error NullBLSPubkey();
    error NullEd25519Pubkey();
    error PositiveNumberRequirement();
    error RecipientAddressDoesNotMatch(address expectedRecipient, address providedRecipient, uint256 serviceNodeID);
    error RecipientRewardsTooLow();
    error ServiceNodeDoesntExist(uint64 serviceNodeID);
    error SignatureExpired(uint64 serviceNodeID, uint256 timestamp, uint256 currenttime);
    error SmallContributorLeaveTooEarly(uint64 serviceNodeID, address contributor);

    event NewSeededServiceNode(uint64 indexed serviceNodeID, BN256G1.G1Point blsPubkey, uint256 ed25519Pubkey);
    event NewServiceNodeV2(
        uint64 indexed serviceNodeID,
        address initiator,
        BN256G1.G1Point pubkey,
        ServiceNodeParams serviceNode,
        Contributor[] contributors
    );
    event RewardsBalanceUpdated(address indexed recipientAddress, uint256 amount, uint256 previousBalance);
    event RewardsClaimed(address indexed recipientAddress, uint256 amount);
    event ServiceNodeExitRequest(uint64 indexed serviceNodeID, address initiator, BN256G1.G1Point pubkey);
    event ServiceNodeExit(uint64 indexed serviceNodeID, address initiator, uint256 returnedAmount, BN256G1.G1Point pubkey);
    event ServiceNodeLiquidated(uint64 indexed serviceNodeID, address initiator, BN256G1.G1Point pubkey);
    event BLSNonSignerThresholdMaxUpdated(uint256 newMax);
    event ClaimCycleUpdated(uint256 newValue);
    event ClaimThresholdUpdated(uint256 newThreshold);
    event LiquidationRatiosUpdated(uint256 liquidatorRatio, uint256 poolRatio, uint256 recipientRatio);
    event SignatureExpiryUpdated(uint256 newExpiry);
    event StakingRequirementUpdated(uint256 newRequirement);

    struct Recipient {
        uint256 rewards;
        uint256 claimed;
    }

    uint256 public constant VERSION = 1;
    uint64 public constant LIST_SENTINEL = 0;
    uint256 public constant MAX_SERVICE_NODE_EXIT_WAIT_TIME = 30 days;
    uint256 public constant MIN_TIME_BEFORE_REPEATED_LEAVE_REQUEST = 1 days;
    uint256 public constant SMALL_CONTRIBUTOR_DIVISOR = 4;
    uint256 public constant SMALL_CONTRIBUTOR_LEAVE_DELAY = 30 days;
    uint256 public constant MAX_PERMITTED_PUBKEY_AGGREGATIONS_LOWER_BOUND = 20;
    /// A node may not ask to leave in its first two hours.
    uint256 private constant MIN_TIME_BEFORE_EXIT = 2 hours;

    bool public isStarted;
    IERC20 private _token;
    address public foundationPool;
    uint64 public nextServiceNodeID;
    uint256 public totalNodes;
    uint256 public stakingRequirement;
    uint256 public maxContributors;
    uint256 public liquidatorRewardRatio;
    uint256 public poolShareOfLiquidationRatio;
    uint256 public recipientRatio;
    uint256 public blsNonSignerThresholdMax;
    uint256 public signatureExpiry;
    uint256 public claimThreshold;
    uint256 public claimCycle;
    uint256 public currentClaimCycle;
    uint256 public currentClaimTotal;
    uint256 public lastHeightPubkeyWasAggregated;
    uint256 public numPubkeyAggregationsForHeight;

    bytes32 public proofOfPossessionTag;
    bytes32 public rewardTag;
    bytes32 public exitTag;
    bytes32 public liquidateTag;
    bytes32 public hashToG2Tag;

    BN256G1.G1Point private _aggregatePubkey;
    mapping(uint64 => ServiceNode) private _serviceNodes;
    mapping(bytes => uint64) private _idByBlsKey;
    mapping(uint256 => uint64) private _idByEd25519Key;
    mapping(address => Recipient) public recipients;

    function initialize(
        address token_,
        address foundationPool_,
        uint256 stakingRequirement_,
        uint256 maxContributors_,
        uint256 liquidatorRewardRatio_,
        uint256 poolShareOfLiquidationRatio_,
        uint256 recipientRatio_
    ) external initializer {
        if (token_ == address(0) || foundationPool_ == address(0)) revert NullAddress();
        if (stakingRequirement_ == 0 || maxContributors_ == 0) revert PositiveNumberRequirement();
        _initOwner(msg.sender);
        _token = IERC20(token_);
        foundationPool = foundationPool_;
        stakingRequirement = stakingRequirement_;
        maxContributors = maxContributors_;
        _setLiquidationRatios(liquidatorRewardRatio_, poolShareOfLiquidationRatio_, recipientRatio_);
        nextServiceNodeID = 1;
        blsNonSignerThresholdMax = 300;
        signatureExpiry = 10 minutes;
        claimThreshold = 1_000_000 * 1e9;
        claimCycle = 12 hours;
        proofOfPossessionTag = _tag("BLS_SIG_TRYANDINCREMENT_POP");
        rewardTag = _tag("BLS_SIG_TRYANDINCREMENT_REWARD");
        exitTag = _tag("BLS_SIG_TRYANDINCREMENT_REMOVE");
        liquidateTag = _tag("BLS_SIG_TRYANDINCREMENT_LIQUIDATE");
        hashToG2Tag = _tag("BLS_SIG_HASH_TO_FIELD_TAG");
    }

    function _tag(string memory name) private view returns (bytes32) {
        return keccak256(abi.encodePacked(name, block.chainid, address(this)));
    }

    modifier whenStarted() {
        if (!isStarted) revert ContractNotStarted();
        _;
    }

    // ---- views ------------------------------------------------------------------------------

    function designatedToken() external view returns (address) {
        return address(_token);
    }

    function serviceNodeIDs(bytes memory blsPubkey) external view returns (uint64 serviceNodeID) {
        return _idByBlsKey[blsPubkey];
    }

    function ed25519ToServiceNodeID(uint256 ed25519Pubkey) external view returns (uint64 serviceNodeID) {
        return _idByEd25519Key[ed25519Pubkey];
    }

    function aggregatePubkey() external view returns (BN256G1.G1Point memory) {
        return _aggregatePubkey;
    }

    function serviceNodes(uint64 serviceNodeID) external view returns (ServiceNode memory) {
        return _serviceNodes[serviceNodeID];
    }

    function allServiceNodeIDs() external view returns (uint64[] memory ids, BN256G1.G1Point[] memory pubkeys) {
        ids = new uint64[](totalNodes);
        pubkeys = new BN256G1.G1Point[](totalNodes);
        uint64 id = _serviceNodes[LIST_SENTINEL].next;
        for (uint256 i = 0; id != LIST_SENTINEL; i++) {
            ids[i] = id;
            pubkeys[i] = _serviceNodes[id].blsPubkey;
            id = _serviceNodes[id].next;
        }
    }

    /// Up to a third of the nodes may be missing from a signature, at most blsNonSignerThresholdMax.
    function blsNonSignerThreshold() public view returns (uint256) {
        uint256 third = totalNodes / 3;
        return third < blsNonSignerThresholdMax ? third : blsNonSignerThresholdMax;
    }

    function maxPermittedPubkeyAggregations() public view returns (uint256 result) {
        result = totalNodes / 10;
        if (result < MAX_PERMITTED_PUBKEY_AGGREGATIONS_LOWER_BOUND) result = MAX_PERMITTED_PUBKEY_AGGREGATIONS_LOWER_BOUND;
    }

    // ---- registration -----------------------------------------------------------------------

    function start() external onlyOwner {
        isStarted = true;
    }

    function validateProofOfPossession(
        BN256G1.G1Point memory blsPubkey,
        BLSSignatureParams memory blsSignature,
        address caller,
        uint256 serviceNodePubkey
    ) public {
        bytes memory message = abi.encodePacked(proofOfPossessionTag, blsPubkey.X, blsPubkey.Y, caller, serviceNodePubkey);
        if (!_verify(blsPubkey, message, blsSignature)) revert InvalidBLSProofOfPossession();
    }

    function addBLSPublicKey(
        BN256G1.G1Point calldata blsPubkey,
        BLSSignatureParams calldata blsSignature,
        ServiceNodeParams calldata serviceNodeParams,
        Contributor[] calldata contributors
    ) external whenNotPaused whenStarted {
        uint256 count = contributors.length;
        if (count == 0) revert InsufficientContributors();
        if (count > maxContributors) revert MaxContributorsExceeded();
        uint256 total;
        for (uint256 i = 0; i < count; i++) total += contributors[i].stakedAmount;
        if (total != stakingRequirement) revert ContributionTotalMismatch(stakingRequirement, total);
        uint256 operatorStake = contributors[0].stakedAmount;
        if (operatorStake < stakingRequirement / 4) revert InsufficientOperatorContribution(operatorStake);
        // The proof binds the key to the node's operator, whoever sends the registration.
        validateProofOfPossession(blsPubkey, blsSignature, contributors[0].staker.addr, serviceNodeParams.serviceNodePubkey);

        uint64 id = _insertNode(blsPubkey, serviceNodeParams.serviceNodePubkey, block.timestamp, contributors);
        _safeTransferFrom(_token, msg.sender, address(this), total);
        emit NewServiceNodeV2(id, msg.sender, blsPubkey, serviceNodeParams, contributors);
    }

    /// The nodes migrated from Oxen at launch; their stakes were bridged to this contract.
    function seedPublicKeyList(SeedServiceNode[] calldata nodes) external onlyOwner {
        if (isStarted) revert ContractAlreadyStarted();
        for (uint256 i = 0; i < nodes.length; i++) {
            uint64 id = _insertNode(nodes[i].blsPubkey, nodes[i].ed25519Pubkey, nodes[i].addedTimestamp, nodes[i].contributors);
            emit NewSeededServiceNode(id, nodes[i].blsPubkey, nodes[i].ed25519Pubkey);
        }
    }

    function _insertNode(
        BN256G1.G1Point memory blsPubkey,
        uint256 ed25519Pubkey,
        uint256 addedTimestamp,
        Contributor[] calldata contributors
    ) private returns (uint64 id) {
        if (blsPubkey.isZero()) revert NullBLSPubkey();
        if (ed25519Pubkey == 0) revert NullEd25519Pubkey();
        bytes memory key = abi.encodePacked(blsPubkey.X, blsPubkey.Y);
        uint64 existing = _idByBlsKey[key];
        if (existing != 0) revert BLSPubkeyAlreadyExists(existing);
        existing = _idByEd25519Key[ed25519Pubkey];
        if (existing != 0) revert Ed25519PubkeyAlreadyExists(existing);

        id = nextServiceNodeID++;
        ServiceNode storage node = _serviceNodes[id];
        uint64 last = _serviceNodes[LIST_SENTINEL].prev;
        node.prev = last;
        node.next = LIST_SENTINEL;
        _serviceNodes[last].next = id;
        _serviceNodes[LIST_SENTINEL].prev = id;
        node.operator = contributors[0].staker.addr;
        node.blsPubkey = blsPubkey;
        node.addedTimestamp = addedTimestamp;
        node.ed25519Pubkey = ed25519Pubkey;
        uint256 deposit;
        for (uint256 i = 0; i < contributors.length; i++) {
            node.contributors.push(contributors[i]);
            deposit += contributors[i].stakedAmount;
        }
        node.deposit = deposit;
        _idByBlsKey[key] = id;
        _idByEd25519Key[ed25519Pubkey] = id;
        totalNodes++;
        _aggregatePubkey = _aggregatePubkey.isZero() ? blsPubkey : _aggregatePubkey.add(blsPubkey);
    }

    // ---- exits and liquidations ----------------------------------------------------------------

    function initiateExitBLSPublicKey(uint64 serviceNodeID) external whenNotPaused whenStarted {
        ServiceNode storage node = _serviceNodes[serviceNodeID];
        if (node.operator == address(0)) revert ServiceNodeDoesntExist(serviceNodeID);
        bool isContributor;
        uint256 stake;
        for (uint256 i = 0; i < node.contributors.length; i++) {
            if (node.contributors[i].staker.addr == msg.sender) {
                isContributor = true;
                stake = node.contributors[i].stakedAmount;
                break;
            }
        }
        if (!isContributor) revert CallerNotContributor(serviceNodeID, msg.sender);
        if (block.timestamp < node.addedTimestamp + MIN_TIME_BEFORE_EXIT) {
            revert ExitTooEarly(serviceNodeID, node.addedTimestamp, block.timestamp);
        }
        if (stake < stakingRequirement / SMALL_CONTRIBUTOR_DIVISOR && block.timestamp < node.addedTimestamp + SMALL_CONTRIBUTOR_LEAVE_DELAY) {
            revert SmallContributorLeaveTooEarly(serviceNodeID, msg.sender);
        }
        if (node.latestLeaveRequestTimestamp != 0 && block.timestamp < node.latestLeaveRequestTimestamp + MIN_TIME_BEFORE_REPEATED_LEAVE_REQUEST) {
            revert LeaveRequestTooEarly(serviceNodeID, node.latestLeaveRequestTimestamp + MIN_TIME_BEFORE_REPEATED_LEAVE_REQUEST, block.timestamp);
        }
        if (node.leaveRequestTimestamp == 0) node.leaveRequestTimestamp = block.timestamp;
        node.latestLeaveRequestTimestamp = block.timestamp;
        emit ServiceNodeExitRequest(serviceNodeID, msg.sender, node.blsPubkey);
    }

    function exitBLSPublicKeyWithSignature(
        BN256G1.G1Point calldata blsPubkey,
        uint256 timestamp,
        BLSSignatureParams calldata blsSignature,
        uint64[] calldata ids
    ) external whenNotPaused whenStarted {
        uint64 id = _nodeOf(blsPubkey);
        _checkFresh(id, timestamp);
        _verifyNetwork(abi.encodePacked(exitTag, blsPubkey.X, blsPubkey.Y, timestamp), blsSignature, ids);
        _exit(id);
    }

    function exitBLSPublicKeyAfterWaitTime(uint64 serviceNodeID) external whenNotPaused whenStarted {
        ServiceNode storage node = _serviceNodes[serviceNodeID];
        if (node.operator == address(0)) revert ServiceNodeDoesntExist(serviceNodeID);
        if (node.leaveRequestTimestamp == 0) revert LeaveRequestNotInitiatedYet(serviceNodeID);
        uint256 end = node.leaveRequestTimestamp + MAX_SERVICE_NODE_EXIT_WAIT_TIME;
        if (block.timestamp < end) revert LeaveRequestTooEarly(serviceNodeID, end, block.timestamp);
        _exit(serviceNodeID);
    }

    function liquidateBLSPublicKeyWithSignature(
        BN256G1.G1Point calldata blsPubkey,
        uint256 timestamp,
        BLSSignatureParams calldata blsSignature,
        uint64[] calldata ids
    ) external whenNotPaused whenStarted {
        uint64 id = _nodeOf(blsPubkey);
        _checkFresh(id, timestamp);
        _verifyNetwork(abi.encodePacked(liquidateTag, blsPubkey.X, blsPubkey.Y, timestamp), blsSignature, ids);
        ServiceNode storage node = _serviceNodes[id];
        // The penalty is a share of the deposit: part to the liquidator, part to the pool; the
        // contributors get the rest back through their reward balances.
        uint256 ratioSum = liquidatorRewardRatio + poolShareOfLiquidationRatio + recipientRatio;
        uint256 liquidatorAmount = (node.deposit * liquidatorRewardRatio) / ratioSum;
        uint256 poolAmount = (node.deposit * poolShareOfLiquidationRatio) / ratioSum;
        BN256G1.G1Point memory pubkey = node.blsPubkey;
        _exitCredit(id, recipientRatio, ratioSum);
        _remove(id);
        emit ServiceNodeLiquidated(id, msg.sender, pubkey);
        if (liquidatorAmount > 0) _safeTransfer(_token, msg.sender, liquidatorAmount);
        if (poolAmount > 0) _safeTransfer(_token, foundationPool, poolAmount);
    }

    function _nodeOf(BN256G1.G1Point calldata blsPubkey) private view returns (uint64 id) {
        id = _idByBlsKey[abi.encodePacked(blsPubkey.X, blsPubkey.Y)];
        if (id == 0) revert BLSPubkeyDoesNotExist(blsPubkey);
    }

    function _checkFresh(uint64 id, uint256 timestamp) private view {
        if (timestamp + signatureExpiry < block.timestamp || timestamp > block.timestamp + signatureExpiry) {
            revert SignatureExpired(id, timestamp, block.timestamp);
        }
    }

    function _exit(uint64 id) private {
        ServiceNode storage node = _serviceNodes[id];
        uint256 returned = node.deposit;
        BN256G1.G1Point memory pubkey = node.blsPubkey;
        _exitCredit(id, 1, 1);
        _remove(id);
        emit ServiceNodeExit(id, msg.sender, returned, pubkey);
    }

    /// Stakes go back through the reward balances (no transfer): numerator/denominator of each.
    function _exitCredit(uint64 id, uint256 numerator, uint256 denominator) private {
        Contributor[] storage contributors = _serviceNodes[id].contributors;
        for (uint256 i = 0; i < contributors.length; i++) {
            address beneficiary = contributors[i].staker.beneficiary;
            uint256 amount = (contributors[i].stakedAmount * numerator) / denominator;
            Recipient storage r = recipients[beneficiary];
            uint256 previous = r.rewards;
            r.rewards = previous + amount;
            emit RewardsBalanceUpdated(beneficiary, r.rewards, previous);
        }
    }

    function _remove(uint64 id) private {
        if (id == LIST_SENTINEL) revert DeleteSentinelNodeNotAllowed();
        ServiceNode storage node = _serviceNodes[id];
        _serviceNodes[node.prev].next = node.next;
        _serviceNodes[node.next].prev = node.prev;
        delete _idByBlsKey[abi.encodePacked(node.blsPubkey.X, node.blsPubkey.Y)];
        delete _idByEd25519Key[node.ed25519Pubkey];
        totalNodes--;
        _aggregatePubkey = totalNodes == 0 ? BN256G1.G1Point(0, 0) : _aggregatePubkey.add(node.blsPubkey.negate());
        delete _serviceNodes[id];
    }

    // ---- rewards ------------------------------------------------------------------------------

    function updateRewardsBalance(
        address recipientAddress,
        uint256 recipientRewards,
        BLSSignatureParams calldata blsSignature,
        uint64[] calldata ids
    ) external whenNotPaused whenStarted {
        if (recipientAddress == address(0)) revert NullAddress();
        Recipient storage r = recipients[recipientAddress];
        if (recipientRewards <= r.rewards) revert RecipientRewardsTooLow();
        _verifyNetwork(abi.encodePacked(rewardTag, recipientAddress, recipientRewards), blsSignature, ids);
        uint256 previous = r.rewards;
        r.rewards = recipientRewards;
        emit RewardsBalanceUpdated(recipientAddress, recipientRewards, previous);
    }

    function claimRewards() external {
        Recipient storage r = recipients[msg.sender];
        _claim(r.rewards - r.claimed);
    }

    function claimRewards(uint256 amount) external {
        _claim(amount);
    }

    function _claim(uint256 amount) private whenNotPaused whenStarted {
        Recipient storage r = recipients[msg.sender];
        if (amount == 0 || amount > r.rewards - r.claimed) revert MaxClaimExceeded();
        // Claims are limited network-wide per cycle (1M SESH per 12 hours by default).
        uint256 cycle = block.timestamp / claimCycle;
        if (cycle != currentClaimCycle) {
            currentClaimCycle = cycle;
            currentClaimTotal = 0;
        }
        if (currentClaimTotal + amount > claimThreshold) revert ClaimThresholdExceeded();
        currentClaimTotal += amount;
        r.claimed += amount;
        emit RewardsClaimed(msg.sender, amount);
        _safeTransfer(_token, msg.sender, amount);
    }

    // ---- the network's signature ---------------------------------------------------------------

    function _verify(BN256G1.G1Point memory pubkey, bytes memory message, BLSSignatureParams memory sig) private view returns (bool) {
        return BN256G1.verify(pubkey, hashToG2Tag, message, sig.sigs0, sig.sigs1, sig.sigs2, sig.sigs3);
    }

    function _verifyNetwork(bytes memory message, BLSSignatureParams calldata sig, uint64[] calldata nonSigners) private view {
        if (totalNodes == 0) revert InsufficientNodes();
        uint256 threshold = blsNonSignerThreshold();
        if (nonSigners.length > threshold) revert InsufficientBLSSignatures(totalNodes - nonSigners.length, totalNodes - threshold);
        BN256G1.G1Point memory key = _aggregatePubkey;
        for (uint256 i = 0; i < nonSigners.length; i++) {
            ServiceNode storage node = _serviceNodes[nonSigners[i]];
            if (node.operator == address(0)) revert ServiceNodeDoesntExist(nonSigners[i]);
            key = key.add(node.blsPubkey.negate());
        }
        if (!_verify(key, message, BLSSignatureParams(sig.sigs0, sig.sigs1, sig.sigs2, sig.sigs3))) revert InvalidBLSSignature(key);
    }

    function rederiveTotalNodesAndAggregatePubkey() external onlyOwner {
        uint256 count;
        BN256G1.G1Point memory key;
        for (uint64 id = _serviceNodes[LIST_SENTINEL].next; id != LIST_SENTINEL; id = _serviceNodes[id].next) {
            key = count == 0 ? _serviceNodes[id].blsPubkey : key.add(_serviceNodes[id].blsPubkey);
            count++;
        }
        totalNodes = count;
        _aggregatePubkey = key;
    }

    // ---- settings ---------------------------------------------------------------------------------

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    function setStakingRequirement(uint256 newRequirement) external onlyOwner {
        if (newRequirement == 0) revert PositiveNumberRequirement();
        stakingRequirement = newRequirement;
        emit StakingRequirementUpdated(newRequirement);
    }

    function setBLSNonSignerThresholdMax(uint256 newMax) external onlyOwner {
        blsNonSignerThresholdMax = newMax;
        emit BLSNonSignerThresholdMaxUpdated(newMax);
    }

    function setSignatureExpiry(uint256 newExpiry) external onlyOwner {
        if (newExpiry == 0) revert PositiveNumberRequirement();
        signatureExpiry = newExpiry;
        emit SignatureExpiryUpdated(newExpiry);
    }

    function setClaimThreshold(uint256 newMax) external onlyOwner {
        claimThreshold = newMax;
        emit ClaimThresholdUpdated(newMax);
    }

    function setClaimCycle(uint256 newValue) external onlyOwner {
        if (newValue == 0) revert PositiveNumberRequirement();
        claimCycle = newValue;
        emit ClaimCycleUpdated(newValue);
    }

    function setLiquidationRatios(uint256 liquidator, uint256 pool, uint256 recipient) external onlyOwner {
        _setLiquidationRatios(liquidator, pool, recipient);
    }

    function _setLiquidationRatios(uint256 liquidator, uint256 pool, uint256 recipient) private {
        if (recipient == 0) revert PositiveNumberRequirement();
        // The penalty (liquidator + pool) may not exceed the contributors' share.
        if (liquidator + pool > recipient) revert LiquidatorPenaltyTooHigh();
        liquidatorRewardRatio = liquidator;
        poolShareOfLiquidationRatio = pool;
        recipientRatio = recipient;
        emit LiquidationRatiosUpdated(liquidator, pool, recipient);
    }
}
